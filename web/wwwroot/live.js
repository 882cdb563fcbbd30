// Live pages: a part marked data-live-types follows the notification stream (Server-Sent Events through the gateway).
// When a matching event arrives, the page is fetched again and that part replaced, so what readers see is rendered by
// the server as on a first visit; a notice says what changed. Without JavaScript the pages are simply not live.
(() => {
  "use strict";

  // "Show in my time zone": a link the server renders hidden, as only the browser knows its zone.
  for (const link of document.querySelectorAll("a.js-own-zone")) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      const url = new URL(link.href, location.href);
      url.searchParams.set("tz", zone);
      link.href = url.toString();
      link.hidden = false;
    }
  }

  const part = document.querySelector("[data-live-types]");
  if (!part || !("EventSource" in window)) {
    return;
  }

  const notice = document.getElementById("live-notice");
  const query = new URLSearchParams({ types: part.dataset.liveTypes });
  if (part.dataset.liveForum) {
    query.set("forum", part.dataset.liveForum);
  }

  let pending = [];
  let timer = 0;
  const stream = new EventSource(`/api/notifications/stream?${query}`);
  // Says on the document whether the page is following the stream (tests wait for it; so can curious readers).
  stream.onopen = () => { document.documentElement.dataset.live = "open"; };
  stream.onerror = () => { document.documentElement.dataset.live = "reconnecting"; };
  stream.onmessage = (message) => {
    const event = JSON.parse(message.data);
    // A page about one session or article follows only that one.
    const subject = event.data?.sessionId ?? event.data?.articleId;
    if (part.dataset.liveSubject && subject !== part.dataset.liveSubject) {
      return;
    }
    pending.push(event);
    // A release brings several events at once: one refresh for all of them.
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  };

  async function refresh() {
    const events = pending;
    pending = [];
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    if (!response.ok) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-live-types]");
    if (!fresh) {
      return;
    }
    part.innerHTML = fresh.innerHTML;
    for (const event of events) {
      const id = event.data?.sessionId;
      if (id) {
        for (const changed of part.querySelectorAll(`[data-session="${CSS.escape(id)}"]`)) {
          changed.classList.add("changed");
        }
      }
    }
    announce(events);
    document.dispatchEvent(new CustomEvent("forum:live-updated", { detail: events }));
  }

  // The notice names the latest change, from templates the server rendered in the reader's language.
  function announce(events) {
    const last = events.findLast((event) => part.dataset[templateKey(event.type)]) ?? events[events.length - 1];
    const template = part.dataset[templateKey(last.type)];
    if (!notice || !template) {
      return;
    }
    notice.textContent = template.replace(/\{(\w+)\}/g, (_, name) => String(last.data?.[name] ?? ""));
    notice.hidden = false;
  }

  // forum.schedule.released → liveScheduleReleased (data-live-schedule-released)
  function templateKey(type) {
    return "live" + type.replace(/^forum\./, "").split(/[.-]/).map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  }
})();
