// The chat widget: a small client for Rasa's socket.io channel (see docs/widget.md).
//
// Safety: every message is rendered with textContent and document.createElement; nothing from a message
// is ever parsed as HTML. URLs in bot text become <a> elements only for http(s) addresses.
// Accessibility: the conversation is a polite live log, the input is labelled, the panel is non-modal
// (Tab leaves it freely), Escape closes it and returns focus to the launcher button.
// Sources: a bot message whose custom payload is {"sources": [{quote, section}]} is not shown as a message; its
// quotes of the page are attached to the answer before it, in a <details> disclosure. Other custom payloads
// are ignored.
(function () {
  "use strict";

  const KEYS = {
    session: "ibers-chat-session", // localStorage: the conversation id, kept across reloads
    transcript: "ibers-chat-transcript", // sessionStorage: what this tab has shown
    open: "ibers-chat-open", // sessionStorage: whether the panel was open
    user: "ibers-chat-demo-user", // sessionStorage: the development sign-in
  };
  const MAX_TRANSCRIPT = 200;
  const MAX_MESSAGE_CHARS = 2000;
  const REPLY_TIMEOUT_MS = 30000;
  const TOKEN_MARGIN_MS = 60000;
  const INIT_PAYLOAD = "/greet";
  const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
  const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;
  const SESSION_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
  const MAX_SOURCES = 5;
  const MAX_QUOTE_CHARS = 600;
  const MAX_SECTION_CHARS = 120;

  // Every word the widget itself shows or announces, by page language (<html lang>): the page's own labels are in
  // its template (index.html, index.cy.html). Both languages have every key (tests/unit/test_web_server_cy.py);
  // {name} fields are filled in as text by fill(). The page language also goes to the assistant as
  // metadata.language on every message, so it answers in the page's language from the first message.
  const STRINGS = {
    en: {
      sources: "From the microcredentials page",
      newTab: " (opens in a new tab)",
      you: "You: ",
      assistant: "Assistant: ",
      suggested: "Suggested replies",
      typing: "The assistant is typing…",
      noReply: "The assistant has not replied. Please try again in a moment.",
      unavailable: "Sorry, the assistant is not available just now. Please try again later.",
      reconnected: "Reconnected to the assistant.",
      connecting: "Connecting to the assistant…",
      tokenFailed: "Sign-in failed; your message was sent without signing in.",
      signedIn: "Signed in as {name} ({id}).",
      signedOut: "Signed out. You are chatting anonymously.",
      signInFailed: "Sign-in failed. You are chatting anonymously.",
      demoUser: "{id}: {name} ({role})",
      roleLearner: "learner",
      roleStaff: "staff",
      empty: "Type a question first.",
      restarted: "Started a new conversation.",
    },
    cy: {
      sources: "O dudalen y microgymwysterau",
      newTab: " (yn agor mewn tab newydd)",
      you: "Chi: ",
      assistant: "Cynorthwyydd: ",
      suggested: "Atebion awgrymedig",
      typing: "Mae'r cynorthwyydd yn teipio…",
      noReply: "Nid yw'r cynorthwyydd wedi ateb. Rhowch gynnig arall arni ymhen ychydig.",
      unavailable: "Mae'n ddrwg gennym, nid yw'r cynorthwyydd ar gael ar hyn o bryd. Rhowch gynnig arall arni yn nes ymlaen.",
      reconnected: "Wedi ailgysylltu â'r cynorthwyydd.",
      connecting: "Yn cysylltu â'r cynorthwyydd…",
      tokenFailed: "Methodd y mewngofnodi; anfonwyd eich neges heb fewngofnodi.",
      signedIn: "Wedi mewngofnodi fel {name} ({id}).",
      signedOut: "Wedi allgofnodi. Rydych chi'n sgwrsio'n ddienw.",
      signInFailed: "Methodd y mewngofnodi. Rydych chi'n sgwrsio'n ddienw.",
      demoUser: "{id}: {name} ({role})",
      roleLearner: "dysgwr",
      roleStaff: "staff",
      empty: "Teipiwch gwestiwn yn gyntaf.",
      restarted: "Wedi dechrau sgwrs newydd.",
    },
  };
  const LANGUAGE = (document.documentElement.lang || "en").toLowerCase().startsWith("cy") ? "cy" : "en";
  const LABELS = STRINGS[LANGUAGE];
  const ROLES = { learner: LABELS.roleLearner, staff: LABELS.roleStaff };

  // A label with its {fields} filled in: plain string replacement, the result is only ever used as text.
  function fill(template, fields) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : whole,
    );
  }

  // The metadata every message carries: the page language (the channel keeps it, the session starts with it).
  function pageMetadata() {
    return { language: LANGUAGE };
  }

  const $ = (id) => document.getElementById(id);
  const root = $("chat");
  if (!root) return;
  const launcher = $("chat-launcher");
  const panel = $("chat-panel");
  const closeButton = $("chat-close");
  const restartButton = $("chat-restart");
  const log = $("chat-log");
  const form = $("chat-form");
  const input = $("chat-input");
  const status = $("chat-status");
  const typingDots = root.querySelector(".chat-typing-dots");
  const typingText = $("chat-typing-text");
  const signIn = $("chat-signin");
  const signInSelect = $("chat-signin-select");

  // --- storage that tolerates being unavailable (private modes, blocked storage) ---------------------
  function load(storage, key, fallback) {
    try {
      const raw = storage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (error) {
      return fallback;
    }
  }
  function save(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* the conversation still works, it just won't survive a reload */
    }
  }
  function forget(storage, key) {
    try {
      storage.removeItem(key);
    } catch (error) {
      /* nothing to do */
    }
  }

  function newSessionId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  let sessionId = load(localStorage, KEYS.session, null);
  if (typeof sessionId !== "string" || !SESSION_PATTERN.test(sessionId)) {
    sessionId = newSessionId();
    save(localStorage, KEYS.session, sessionId);
  }
  let transcript = load(sessionStorage, KEYS.transcript, []);
  if (!Array.isArray(transcript)) transcript = [];

  let config = null;
  let socket = null;
  let confirmed = false;
  let queue = [];
  let outgoing = Promise.resolve();
  let typingTimer = null;
  let demoUser = load(sessionStorage, KEYS.user, null);
  const shown = new WeakMap(); // transcript entry -> its element in the log

  // --- rendering (text only) ------------------------------------------------------------------------
  function safeHref(candidate) {
    try {
      const url = new URL(candidate);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function appendLinkified(parent, text) {
    let last = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
      const address = match[0].replace(TRAILING_PUNCTUATION, "");
      const href = address ? safeHref(address) : null;
      if (!href) continue;
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      const link = document.createElement("a");
      link.href = href;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      link.textContent = address;
      const hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = LABELS.newTab;
      link.appendChild(hint);
      parent.appendChild(link);
      last = match.index + address.length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function speaker(label) {
    const span = document.createElement("span");
    span.className = "visually-hidden";
    span.textContent = label;
    return span;
  }

  // --- where an answer comes from (text only, like everything else) -----------------------------------
  function sourcesOf(payload) {
    if (!payload || typeof payload !== "object" || !Array.isArray(payload.sources)) return [];
    return payload.sources
      .filter((source) => source && typeof source === "object")
      .map((source) => ({
        quote: asText(source.quote).slice(0, MAX_QUOTE_CHARS),
        section: asText(source.section).slice(0, MAX_SECTION_CHARS),
      }))
      .filter((source) => source.quote)
      .slice(0, MAX_SOURCES);
  }

  function renderSources(item, sources) {
    const old = item.querySelector(".chat-sources");
    if (old) old.remove();
    if (!sources.length) return;
    const details = document.createElement("details");
    details.className = "chat-sources";
    const summary = document.createElement("summary");
    summary.textContent = LABELS.sources;
    details.appendChild(summary);
    sources.forEach((source) => {
      const figure = document.createElement("figure");
      const quote = document.createElement("blockquote");
      quote.textContent = source.quote;
      figure.appendChild(quote);
      if (source.section) {
        const caption = document.createElement("figcaption");
        caption.textContent = source.section;
        figure.appendChild(caption);
      }
      details.appendChild(figure);
    });
    item.appendChild(details);
  }

  function attachSources(sources) {
    // The answer is the last bot message since the user's last message; with none there is nothing to attach to.
    for (let i = transcript.length - 1; i >= 0; i -= 1) {
      const entry = transcript[i];
      if (entry.from === "user") return;
      if (entry.from !== "bot") continue;
      entry.sources = sourcesOf({ sources: (entry.sources || []).concat(sources) });
      save(sessionStorage, KEYS.transcript, transcript);
      const item = shown.get(entry);
      if (item) renderSources(item, entry.sources);
      return;
    }
  }

  function render(entry) {
    const item = document.createElement("div");
    item.className = "chat-msg chat-msg-" + entry.from;
    if (entry.from === "user") {
      item.appendChild(speaker(LABELS.you));
      item.appendChild(document.createTextNode(entry.text));
    } else if (entry.from === "bot") {
      item.appendChild(speaker(LABELS.assistant));
      appendLinkified(item, entry.text);
      renderSources(item, sourcesOf(entry));
    } else {
      // A notice is kept by its key, so it is shown in the language of the page showing it (after the switch too).
      const own = typeof entry.key === "string" && Object.prototype.hasOwnProperty.call(LABELS, entry.key);
      item.appendChild(document.createTextNode(own ? LABELS[entry.key] : asText(entry.text)));
    }
    shown.set(entry, item);
    log.appendChild(item);
    if (entry.buttons && entry.buttons.length) {
      const group = document.createElement("div");
      group.className = "chat-buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", LABELS.suggested);
      entry.buttons.forEach((choice) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.title;
        button.addEventListener("click", () => send(choice.payload, choice.title));
        group.appendChild(button);
      });
      log.appendChild(group);
    }
    log.scrollTop = log.scrollHeight;
  }

  function add(entry) {
    transcript.push(entry);
    if (transcript.length > MAX_TRANSCRIPT) transcript = transcript.slice(-MAX_TRANSCRIPT);
    save(sessionStorage, KEYS.transcript, transcript);
    render(entry);
  }

  function notice(key) {
    add({ from: "notice", key: key, text: LABELS[key] });
  }

  function say(text) {
    status.textContent = "";
    // Clearing first makes a repeated message be announced again.
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function asText(value) {
    return typeof value === "string" ? value : "";
  }

  function buttonsOf(message) {
    const raw = Array.isArray(message.quick_replies) ? message.quick_replies : message.buttons;
    if (!Array.isArray(raw)) return [];
    return raw
      .map((b) => ({ title: asText(b && b.title), payload: asText(b && b.payload) }))
      .filter((b) => b.title && b.payload);
  }

  // --- typing indicator -----------------------------------------------------------------------------
  function showTyping() {
    typingDots.hidden = false;
    typingText.textContent = LABELS.typing;
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      hideTyping();
      notice("noReply");
    }, REPLY_TIMEOUT_MS);
  }

  function hideTyping() {
    window.clearTimeout(typingTimer);
    typingDots.hidden = true;
    typingText.textContent = "";
  }

  // --- the connection -------------------------------------------------------------------------------
  function onBotMessage(message) {
    if (!message || typeof message !== "object") return;
    hideTyping();
    let text = asText(message.text);
    const attachment = message.attachment;
    if (!text && attachment && attachment.payload && typeof attachment.payload.src === "string") {
      text = attachment.payload.src; // an image or file: shown as its address, linked if http(s)
    }
    const buttons = buttonsOf(message);
    if (text || buttons.length) add({ from: "bot", text: text, buttons: buttons });
    // REST and socket.io carry a custom payload as message.custom; a payload emitted as the event itself is
    // read the same way. Anything but sources is ignored.
    const custom = message.custom && typeof message.custom === "object" ? message.custom : message;
    const sources = sourcesOf(custom);
    if (sources.length) attachSources(sources);
  }

  function emit(payload) {
    if (socket && confirmed) socket.emit("user_uttered", payload);
    else queue.push(payload);
  }

  function connect() {
    if (socket || !config) return;
    if (typeof window.io !== "function") {
      notice("unavailable");
      return;
    }
    socket = window.io(config.rasaUrl, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelayMax: 10000,
    });
    socket.on("connect", () => {
      confirmed = false;
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", (data) => {
      const confirmedId = typeof data === "string" ? data : data && data.session_id;
      if (typeof confirmedId === "string" && SESSION_PATTERN.test(confirmedId) && confirmedId !== sessionId) {
        sessionId = confirmedId;
        save(localStorage, KEYS.session, sessionId);
      }
      confirmed = true;
      if (status.dataset.connection === "lost") {
        status.dataset.connection = "";
        say(LABELS.reconnected);
      }
      const waiting = queue;
      queue = [];
      waiting.forEach((payload) => socket.emit("user_uttered", Object.assign(payload, { session_id: sessionId })));
    });
    socket.on("bot_uttered", onBotMessage);
    socket.on("disconnect", () => {
      confirmed = false;
    });
    socket.on("connect_error", () => {
      if (status.dataset.connection !== "lost") {
        status.dataset.connection = "lost";
        say(LABELS.connecting);
      }
    });
    if (!transcript.length) emit({ message: INIT_PAYLOAD, session_id: sessionId, metadata: pageMetadata() });
  }

  // --- development sign-in --------------------------------------------------------------------------
  async function fetchToken(user) {
    const query = new URLSearchParams({ as: user.id, role: user.role });
    const response = await fetch("/demo-token?" + query.toString(), { cache: "no-store" });
    if (!response.ok) throw new Error("demo sign-in refused: " + response.status);
    const body = await response.json();
    return { id: user.id, role: user.role, name: user.name, token: body.token, expiresAt: Date.now() + body.expiresIn * 1000 };
  }

  async function currentToken() {
    if (!demoUser || !config || !config.devSignIn) return null;
    if (!demoUser.token || demoUser.expiresAt - Date.now() < TOKEN_MARGIN_MS) {
      try {
        demoUser = await fetchToken(demoUser);
        save(sessionStorage, KEYS.user, demoUser);
      } catch (error) {
        say(LABELS.tokenFailed);
        return null;
      }
    }
    return demoUser.token;
  }

  function setUpSignIn() {
    if (!config.devSignIn || !Array.isArray(config.demoUsers)) {
      demoUser = null;
      forget(sessionStorage, KEYS.user);
      return;
    }
    const users = {};
    config.demoUsers.forEach((user) => {
      if (!user || typeof user.id !== "string") return;
      users[user.id] = user;
      const option = document.createElement("option");
      option.value = user.id;
      const role = Object.prototype.hasOwnProperty.call(ROLES, user.role) ? ROLES[user.role] : asText(user.role);
      option.textContent = fill(LABELS.demoUser, { id: user.id, name: asText(user.name), role: role });
      signInSelect.appendChild(option);
    });
    if (demoUser && users[demoUser.id]) {
      signInSelect.value = demoUser.id;
      status.textContent = fill(LABELS.signedIn, { name: asText(users[demoUser.id].name), id: demoUser.id });
    } else {
      demoUser = null;
    }
    signIn.hidden = false;
    signInSelect.addEventListener("change", async () => {
      const user = users[signInSelect.value];
      if (!user) {
        demoUser = null;
        forget(sessionStorage, KEYS.user);
        say(LABELS.signedOut);
        return;
      }
      try {
        demoUser = await fetchToken(user);
        save(sessionStorage, KEYS.user, demoUser);
        say(fill(LABELS.signedIn, { name: asText(user.name), id: user.id }));
      } catch (error) {
        demoUser = null;
        signInSelect.value = "";
        say(LABELS.signInFailed);
      }
    });
  }

  // --- sending --------------------------------------------------------------------------------------
  function send(message, shown) {
    add({ from: "user", text: shown || message });
    showTyping();
    outgoing = outgoing.then(async () => {
      const metadata = pageMetadata();
      const token = await currentToken();
      if (token) metadata.token = token;
      emit({ message: message, session_id: sessionId, metadata: metadata });
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      say(LABELS.empty);
      input.focus();
      return;
    }
    input.value = "";
    send(text.slice(0, MAX_MESSAGE_CHARS));
  });

  // --- opening, closing, starting again -------------------------------------------------------------
  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    root.dataset.open = String(open);
    save(sessionStorage, KEYS.open, open);
    if (open) {
      connect();
      log.scrollTop = log.scrollHeight;
      if (moveFocus) input.focus();
    } else if (moveFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", () => setOpen(panel.hidden, true));
  closeButton.addEventListener("click", () => setOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      setOpen(false, true);
    }
  });

  restartButton.addEventListener("click", () => {
    hideTyping();
    transcript = [];
    forget(sessionStorage, KEYS.transcript);
    log.replaceChildren();
    sessionId = newSessionId();
    save(localStorage, KEYS.session, sessionId);
    queue = [];
    if (socket) {
      // Reconnecting leaves the old conversation's room; the new session is requested on connect.
      confirmed = false;
      socket.disconnect();
      socket.connect();
      emit({ message: INIT_PAYLOAD, session_id: sessionId, metadata: pageMetadata() });
    }
    say(LABELS.restarted);
    input.focus();
  });

  // --- start ----------------------------------------------------------------------------------------
  transcript.forEach(render);
  launcher.hidden = false;
  fetch("/config.json", { cache: "no-store" })
    .then((response) => {
      if (!response.ok) throw new Error("config " + response.status);
      return response.json();
    })
    .then((body) => {
      config = body;
      setUpSignIn();
      root.dataset.state = "ready";
      if (load(sessionStorage, KEYS.open, false)) setOpen(true, false);
      else if (!panel.hidden) connect();
    })
    .catch(() => {
      root.dataset.state = "error";
      notice("unavailable");
    });
})();
