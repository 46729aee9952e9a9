// Signing in happens on the first call to the backend (utils/api.js), not at launch: the services page needs it at once
// anyway, and a launch that waits for the network would show a blank page for longer.
App({});
