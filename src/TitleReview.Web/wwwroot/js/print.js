// Print buttons on the print views: <button data-print> (no inline handlers under the Content-Security-Policy).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
