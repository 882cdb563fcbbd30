// The analysts' upload form, made kinder by script (the server checks the same): a file over the limit is refused
// when it is chosen, before minutes of sending it.
(() => {
  "use strict";
  for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
    input.addEventListener("change", () => {
      const tooLarge = Array.from(input.files).some((file) => file.size > Number(input.dataset.maxBytes));
      input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
      input.reportValidity();
    });
  }
})();
