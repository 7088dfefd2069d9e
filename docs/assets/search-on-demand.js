// Search on demand. Material for MkDocs fetches the whole search index (search/search_index.json, several hundred
// KB) and starts its search worker on every page load, whether or not the reader ever searches. This script runs
// before Material's bundle (overrides/main.html) and holds both back until the search is first used: the search
// box gets focus or the search button is pressed (or the page was opened from a search result, ?h=, to be
// highlighted). Material itself is unchanged: it asks for the index and the worker as always and simply gets
// them later. Plain DOM, nothing loaded from outside the site.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function later(run) {
    if (started) run(); else waiting.push(run);
  }

  // The index: Material requests it with XMLHttpRequest; its send() waits until the search is used.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__searchIndex || started) return send.apply(xhr, args);
    later(function () {
      if (xhr.readyState === XMLHttpRequest.OPENED) send.apply(xhr, args);  // unless Material gave up meanwhile
    });
  };

  // The worker: a stand-in that keeps Material's listeners and messages until the real worker starts.
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function") {
    var Standin = function (url, options) {
      if (!(this instanceof Standin) || !WORKER.test(String(url)) || started) return new RealWorker(url, options);
      var listeners = [], messages = [], real = null;
      this.addEventListener = function (type, fn, opts) {
        if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]);
      };
      this.removeEventListener = function (type, fn, opts) {
        if (real) { real.removeEventListener(type, fn, opts); return; }
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      };
      this.postMessage = function (message, transfer) {
        if (real) real.postMessage(message, transfer); else messages.push([message, transfer]);
      };
      this.terminate = function () {
        if (real) real.terminate(); else { listeners = []; messages = []; real = { terminate: function () {} }; }
      };
      later(function () {
        if (real) return;  // terminated before it started
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        messages.forEach(function (m) { real.postMessage(m[0], m[1]); });
        listeners = messages = null;
      });
    };
    window.Worker = Standin;
  }

  // What counts as using the search.
  document.addEventListener("focusin", function (ev) {
    var el = ev.target;
    if (el && el.matches && el.matches("input[data-md-component=search-query], .md-search__input")) start();
  }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search") start();
  }, true);
  document.addEventListener("pointerdown", function (ev) {
    var el = ev.target;
    if (el && el.closest && el.closest("label[for=__search], .md-search")) start();
  }, true);
  if (/[?&](h|q)=/.test(window.location.search)) start();
})();
