// Shows each message of the last request right beside the field or the button it belongs to (issue 11); the data
// comes from the template's #inline-feedback (InlineMessages), rewritten by every request.
(function () {
  function place() {
    document.querySelectorAll('.inline-message').forEach(function (old) { old.remove(); });
    document.querySelectorAll('#inline-feedback [data-for]').forEach(function (m) {
      var target = document.getElementById(m.getAttribute('data-for'));
      if (!target) {
        return;
      }
      var note = document.createElement('span');
      note.className = 'inline-message inline-' + m.getAttribute('data-severity');
      note.setAttribute('role', m.getAttribute('data-severity') === 'error' ? 'alert' : 'status');
      note.setAttribute('data-for', m.getAttribute('data-for'));
      note.textContent = m.textContent;
      target.insertAdjacentElement('afterend', note);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    place();
    if (window.jQuery) { // a page with PrimeFaces components: after each partial update as well
      window.jQuery(document).on('pfAjaxComplete', place);
    }
  });
})();
