// Keeps what an applicant types in the browser until the server has it: a form marked
// data-autosave="key" is copied to localStorage on every change and restored when the page
// is opened again (after a session expiry and sign-in, for instance). The server marks a
// successful save with <meta name="autosave-saved" content="key">, which clears the copy.
(function () {
    const saved = document.querySelector('meta[name="autosave-saved"]');
    if (saved) {
        localStorage.removeItem('titlereview:' + saved.content);
    }

    document.querySelectorAll('form[data-autosave]').forEach(function (form) {
        const key = 'titlereview:' + form.dataset.autosave;
        const fields = Array.from(form.elements).filter(function (e) {
            return e.name && e.type !== 'hidden' && e.type !== 'file' && e.type !== 'password' && e.type !== 'submit';
        });
        const stored = localStorage.getItem(key);
        if (stored) {
            try {
                const values = JSON.parse(stored);
                let restored = false;
                fields.forEach(function (f) {
                    if (!(f.name in values)) { return; }
                    if (f.type === 'checkbox') { if (f.checked !== values[f.name]) { f.checked = values[f.name]; restored = true; } }
                    else if (f.value !== values[f.name] && values[f.name] !== '') { f.value = values[f.name]; restored = true; }
                });
                if (restored) {
                    const note = document.createElement('p');
                    note.className = 'hint autosave-note';
                    note.setAttribute('role', 'status');
                    note.textContent = '已恢复您上次未保存的填写内容，请核对后点击保存。';
                    form.prepend(note);
                }
            } catch (e) {
                localStorage.removeItem(key);
            }
        }

        const store = function () {
            const values = {};
            fields.forEach(function (f) { values[f.name] = f.type === 'checkbox' ? f.checked : f.value; });
            localStorage.setItem(key, JSON.stringify(values));
        };
        form.addEventListener('input', store);
        form.addEventListener('change', store);
    });
})();
