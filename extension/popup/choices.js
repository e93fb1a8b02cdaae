// The lists Python offers for the popup's choices (situations, marketplaces, plan languages), asked once.
let cached = null;

export function options(bridge) {
  cached ??= bridge.call({ op: "options" }).then((response) => {
    if (!response.ok) throw new Error(response.error);
    return response.result;
  });
  return cached;
}
