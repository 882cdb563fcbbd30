// Live pages: a part marked data-live-types follows the notification stream (Server-Sent Events through the gateway).
// When a matching event arrives, the page is fetched again and that part replaced, so what readers see is rendered by
// the server as on a first visit; a notice says what changed. A signed-in reader's programme pages also alert them when
// a session in their agenda moves or is cancelled. Without JavaScript the pages are simply not live.
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
  // A signed-in reader's programme pages also watch the sessions in their agenda (see StarredAlert.razor).
  const starredAlert = document.getElementById("starred-alert");
  if ((!part && !starredAlert) || !("EventSource" in window)) {
    return;
  }

  const notice = document.getElementById("live-notice");
  const partTypes = part ? part.dataset.liveTypes.split(",") : [];
  const alertTypes = starredAlert ? ["forum.session.rescheduled", "forum.session.cancelled"] : [];
  const query = new URLSearchParams({ types: [...new Set([...partTypes, ...alertTypes])].join(",") });
  const forum = part?.dataset.liveForum ?? starredAlert?.dataset.forum;
  if (forum) {
    query.set("forum", forum);
  }

  let pending = [];
  let timer = 0;
  const stream = new EventSource(`/api/notifications/stream?${query}`);
  // Says on the document whether the page is following the stream (tests wait for it; so can curious readers).
  stream.onopen = () => { document.documentElement.dataset.live = "open"; };
  stream.onerror = () => { document.documentElement.dataset.live = "reconnecting"; };
  stream.onmessage = (message) => {
    const event = JSON.parse(message.data);
    alertIfStarred(event);
    if (!part || !partTypes.includes(event.type)) {
      return;
    }
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

  function alertIfStarred(event) {
    const id = event.data?.sessionId;
    if (!starredAlert || !id || !alertTypes.includes(event.type) || !starredAlert.dataset.starred.split(" ").includes(id)) {
      return;
    }
    const template = event.type === "forum.session.cancelled" ? starredAlert.dataset.cancelled : starredAlert.dataset.moved;
    starredAlert.textContent = fill(template, event.data);
    starredAlert.hidden = false;
  }

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
    notice.textContent = fill(template, last.data);
    notice.hidden = false;
  }

  // "{title} moved" with the event's title; a function, so "$&" in a title stays as written.
  function fill(template, data) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(data?.[name] ?? ""));
  }

  // forum.schedule.released → liveScheduleReleased (data-live-schedule-released)
  function templateKey(type) {
    return "live" + type.replace(/^forum\./, "").split(/[.-]/).map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  }
})();
