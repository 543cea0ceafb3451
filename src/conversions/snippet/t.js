/* Advocate tracking snippet: keeps the click id on the merchant's own domain, reports leads and sales.
   <script src="https://track.example.com/t.js" data-key="pk_…" async></script>
   advocate.track('sale', { orderId: 'A-1001', amount: 4999, currency: 'USD' }) */
(function (w, d) {
  var s = d.currentScript, cfg = (s && s.dataset) || {};
  var NAME = 'adv_click', param = cfg.param || NAME, days = +(cfg.days || 90);
  var base = s ? s.src.replace(/\/t\.js(\?.*)?$/, '') : '';
  function read() {
    var m = d.cookie.match(/(?:^|;\s*)adv_click=([^;]+)/), v = m ? decodeURIComponent(m[1]) : null;
    try { v = v || w.localStorage.getItem(NAME); } catch (e) {}
    return v;
  }
  function save(v) {
    d.cookie = NAME + '=' + encodeURIComponent(v) + '; path=/; max-age=' + days * 86400 + '; samesite=lax' +
      (cfg.domain ? '; domain=' + cfg.domain : '') + (location.protocol === 'https:' ? '; secure' : '');
    try { w.localStorage.setItem(NAME, v); } catch (e) {}
  }
  var landed = new URLSearchParams(location.search).get(param);
  if (landed && /^[\w-]{1,100}$/.test(landed)) save(landed);
  function track(type, data) {
    var body = { key: cfg.key, type: type }, id = read(), k;
    if (id) body.clickId = id;
    for (k in data || {}) body[k] = data[k];
    return fetch(base + '/api/v1/track', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      keepalive: true, credentials: 'omit'
    }).then(function (r) { return r.json(); });
  }
  var queued = (w.advocate && w.advocate.q) || [];
  w.advocate = { track: track, clickId: read };
  for (var i = 0; i < queued.length; i++) track(queued[i][0], queued[i][1]);
})(window, document);
