// The workspace's article editor, made kinder by script (every form works without it):
// - a live preview of the body, rendered by the articles service exactly as readers will see it;
// - the text being written kept in this browser until it is saved, so an ended sign-in or a closed tab loses nothing;
// - a question before leaving the page with changes unsaved.
(() => {
  "use strict";
  const form = document.getElementById("article-form");
  if (!form) {
    return;
  }

  const storageKey = (draft) => `forum.workspace.${draft}`;
  const key = storageKey(form.dataset.draftKey);
  const status = document.getElementById("draft-status");

  // The page says what was saved since (or discarded): that text need not be kept any more.
  for (const saved of (form.dataset.clearDraft || "").split(" ").filter(Boolean)) {
    localStorage.removeItem(storageKey(saved));
  }

  // Everything the editor writes, and the version it was written against (etag, revision); never the anti-forgery token.
  const fields = () => Array.from(form.elements).filter(
    (field) => field.name && field.type !== "submit" && field.name !== "_handler" && !field.name.startsWith("__"));

  const read = () => {
    const values = {};
    for (const field of fields()) {
      if (field.type === "checkbox") {
        values[field.name] ??= [];
        if (field.checked) {
          values[field.name].push(field.value);
        }
      } else {
        values[field.name] = field.value;
      }
    }
    return values;
  };

  const write = (values) => {
    for (const field of fields()) {
      if (!(field.name in values)) {
        continue;
      }
      if (field.type === "checkbox") {
        field.checked = values[field.name].includes(field.value);
      } else {
        field.value = values[field.name];
      }
    }
  };

  const keep = () => {
    try {
      localStorage.setItem(key, JSON.stringify(read()));
    } catch {
      // Storage full or turned off: the form still works, only without the safety net.
    }
  };

  const kept = (() => {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      return null;
    }
  })();

  let unsaved = form.dataset.unsaved === "true";
  if (form.dataset.restore === "true" && kept && JSON.stringify(kept) !== JSON.stringify(read())) {
    // Text written here and never saved (the sign-in ended, the tab was closed): back in the form, with the version it
    // was written against, so saving it over a newer version shows the difference first.
    write(kept);
    unsaved = true;
    status.textContent = form.dataset.restoredText;
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "text-button";
    discard.textContent = form.dataset.discardText;
    discard.addEventListener("click", () => {
      localStorage.removeItem(key);
      unsaved = false;
      location.reload();
    });
    status.append(" ", discard);
  } else if (unsaved) {
    // The page answers a post (refused, or another editor saved meanwhile): keep what it shows, with its new version.
    keep();
  }

  form.addEventListener("input", () => {
    unsaved = true;
    keep();
  });
  // Saving leaves the page on purpose; what is kept goes once the next page says it is saved.
  form.addEventListener("submit", () => {
    unsaved = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // The live preview: the body as the articles service renders it (sanitized there), a moment after typing stops.
  const body = form.elements.namedItem("body");
  const preview = document.getElementById("article-preview");
  const previewStatus = document.getElementById("preview-status");
  const token = form.elements.namedItem("__RequestVerificationToken")?.value ?? "";
  let timer;
  let sent = 0;
  const render = async () => {
    const mine = ++sent;
    try {
      const response = await fetch(form.dataset.previewUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", RequestVerificationToken: token },
        body: JSON.stringify({ body: body.value }),
        credentials: "same-origin",
        redirect: "error",
      });
      const answer = await response.json();
      if (mine !== sent) {
        return; // a newer preview is on its way
      }
      if (response.ok) {
        preview.innerHTML = answer.html;
        previewStatus.textContent = "";
      } else {
        previewStatus.textContent = answer.title;
      }
    } catch {
      if (mine === sent) {
        previewStatus.textContent = preview.dataset.failedText;
      }
    }
  };
  const renderSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  };
  body.addEventListener("input", renderSoon);
  if (unsaved) {
    renderSoon();
  }
})();
