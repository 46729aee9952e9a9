// The web view (WebViewPage): hears what the page in its frame posts (the bridge of the node's jweixin-1.6.0.js, or
// the node's authorize page), hands it to .NET with whether it came from that frame, and posts .NET's answer back to
// that frame only, addressed to the origin the message came from: a page that has meanwhile gone to another site
// hears nothing. The frame's loads tell .NET that what the last page said about itself no longer holds.
export function attach(frame, owner) {
  const listener = async (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.hutong !== 'string') return;
    const fromFrame = event.source !== null && event.source === frame.contentWindow;
    let json;
    try {
      json = JSON.stringify(data);
    } catch {
      return;
    }

    let answer;
    try {
      answer = await owner.invokeMethodAsync('OnMessage', fromFrame, event.origin, json);
    } catch {
      return;
    }

    if (answer && fromFrame && event.origin !== 'null') {
      try {
        event.source.postMessage(JSON.parse(answer), event.origin);
      } catch {
        // The frame is gone, or at another origin now: the answer is for nobody.
      }
    }
  };
  const loaded = () => owner.invokeMethodAsync('OnLoaded').catch(() => {});
  window.addEventListener('message', listener);
  frame.addEventListener('load', loaded);
  return {
    dispose: () => {
      window.removeEventListener('message', listener);
      frame.removeEventListener('load', loaded);
    },
  };
}
