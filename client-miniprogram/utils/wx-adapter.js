/*
 * The only module that knows WeChat's network APIs. It turns the injected `wx` object into the
 * two plain functions the rest of utils/ uses, so those run unchanged in Node and in a browser.
 */
(function (root) {
  'use strict';

  /** `url => SocketTask`, over wx.connectSocket (one task per connection, as WeChat advises). */
  function socketConnector(wx, extra) {
    return (url) => wx.connectSocket(Object.assign({ url, fail() {} }, extra || {}));
  }

  /** `request({url, method, data, header}) => Promise<{status, data, headers}>` over wx.request. */
  function requester(wx, timeoutMs) {
    return (req) => new Promise((resolve, reject) => {
      wx.request({
        url: req.url,
        method: req.method || 'GET',
        data: req.data,
        header: req.header,
        dataType: 'json',
        timeout: timeoutMs || 10000,
        success: (res) => resolve({ status: res.statusCode, data: res.data, headers: res.header || {} }),
        fail: (err) => reject(new Error((err && err.errMsg) || 'request failed')),
      });
    });
  }

  const api = { socketConnector, requester };
  if (root) root.wxAdapter = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
