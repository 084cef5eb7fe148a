const config = require('./utils/config');

App({
  onLaunch() {
    let envVersion = 'develop';
    try {
      envVersion = wx.getAccountInfoSync().miniProgram.envVersion || envVersion;
    } catch (e) {
      // Old base libraries have no getAccountInfoSync: they only run inside the DevTools anyway.
    }
    const server = config.serverFor(envVersion);
    if (envVersion !== 'develop' && !config.isSecure(server)) {
      console.error('GoldMiner: a phone build needs https:// and wss:// addresses in utils/config.js');
    }
    config.use(server);
  },
});
