// Lumbung's little JavaScript: everything works without it. It keeps a copy of what is typed
// in the editor in this browser, so that a lost connection or an expired session never loses
// work, and it brings the first error into view after a failed save.
(function () {
  'use strict';
  var errors = document.getElementById('errors');
  if (errors) errors.focus();

  var form = document.querySelector('form[data-draft]');
  if (!form || !window.localStorage) return;
  var key = 'lumbung-draft:' + form.getAttribute('data-draft');
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit') return;
      if (el.type === 'checkbox') {
        values[el.id] = el.checked;
      } else if (el.id) {
        values[el.id] = el.value;
      }
    });
    return values;
  }

  // A saved copy that differs from what the server shows is offered back, never forced.
  if (saved && !errors && new URLSearchParams(location.search).get('pesan') === null) {
    var current = snapshot();
    var differs = Object.keys(saved).some(function (id) { return saved[id] !== current[id]; });
    if (differs) {
      var note = document.createElement('div');
      note.className = 'notice';
      note.setAttribute('role', 'status');
      var english = document.documentElement.lang === 'en';
      var text = document.createElement('p');
      text.textContent = english
          ? 'This browser kept text you typed here that was not saved.'
          : 'Peramban ini menyimpan isian Anda yang belum tersimpan.';
      var restore = document.createElement('button');
      restore.type = 'button';
      restore.textContent = english ? 'Restore it' : 'Pulihkan';
      restore.addEventListener('click', function () {
        Object.keys(saved).forEach(function (id) {
          var el = document.getElementById(id);
          if (!el) return;
          if (el.type === 'checkbox') el.checked = saved[id]; else el.value = saved[id];
        });
        note.remove();
      });
      note.appendChild(text);
      note.appendChild(restore);
      form.parentNode.insertBefore(note, form);
    }
  } else if (new URLSearchParams(location.search).get('pesan') !== null) {
    // The server has what was typed: the copy is no longer needed, nor the one of the new
    // record's form that became this record.
    localStorage.removeItem(key);
    if (new URLSearchParams(location.search).get('pesan') === 'created') {
      localStorage.removeItem('lumbung-draft:/ruang-kerja/inovasi');
    }
  }

  var timer = null;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try { localStorage.setItem(key, JSON.stringify(snapshot())); } catch (e) { /* full: skip */ }
    }, 400);
  });
})();
