/** Resolves once `shows()` holds, checked now and at each change of the DOM under `host`. */
export function domShows(host: HTMLElement, shows: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (shows()) return resolve();
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
