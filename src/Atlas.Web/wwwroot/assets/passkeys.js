// Passkeys (WebAuthn): the atlas's one script, loaded by the sign-in and account pages only. It shows their passkey
// forms where the browser makes passkeys, asks the browser for the credential with the options the server gave, and
// posts it with the form. Without it (or without a browser that can), those pages work with passwords alone.
(() => {
  'use strict';
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) return;
  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = form.querySelector('[role=status]');
      status.textContent = '';
      try {
        const options = JSON.parse(form.elements.options.value);
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();   // a plain post: the server checks the credential and answers with a page
      } catch {
        status.textContent = form.dataset.failed;
      }
    });
  }
})();
