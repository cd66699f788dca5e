// Minimal chat over Rasa's REST channel. Every message is rendered with textContent: never as HTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("message");
  const senderKey = "ibers-chat-sender";
  let sender = localStorage.getItem(senderKey);
  if (!sender) {
    sender = (crypto.randomUUID && crypto.randomUUID()) || String(Date.now()) + Math.random();
    localStorage.setItem(senderKey, sender);
  }
  const configPromise = fetch("/config.json").then((r) => r.json());

  function add(kind, text) {
    const div = document.createElement("div");
    div.className = "msg " + kind;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function addButtons(buttons) {
    const row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach((b) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", () => send(b.payload, b.title));
      row.appendChild(button);
    });
    log.appendChild(row);
  }

  async function send(message, shown) {
    add("user", shown || message);
    const config = await configPromise;
    try {
      const response = await fetch(config.rasaUrl + "/webhooks/rest/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message }),
      });
      const replies = await response.json();
      replies.forEach((reply) => {
        if (reply.text) add("bot", reply.text);
        if (reply.buttons && reply.buttons.length) addButtons(reply.buttons);
      });
    } catch (error) {
      add("bot", "Sorry, the assistant is not reachable just now. Please try again shortly.");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
