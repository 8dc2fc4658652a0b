// Live-ticker order toggle: reverses the timeline in place without reloading (the link works without script too).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("ticker-order");
  var ticker = document.getElementById("ticker");
  if (!button || !ticker) {
    return;
  }
  button.addEventListener("click", function (event) {
    event.preventDefault();
    var items = Array.prototype.slice.call(ticker.children);
    items.reverse().forEach(function (item) {
      ticker.appendChild(item);
    });
    var order = ticker.dataset.order === "newest" ? "oldest" : "newest";
    ticker.dataset.order = order;
    button.dataset.order = order;
    button.textContent = order === "newest" ? button.dataset.oldest : button.dataset.newest;
    var url = new URL(window.location.href);
    url.searchParams.set("order", order);
    window.history.replaceState(null, "", url.toString());
  });
});
