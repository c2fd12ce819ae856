// The corpus documents that truly cannot be generated, each reviewed, with the reason. Anything
// else that is refused fails the corpus run; so does an entry here that has started to generate
// (the list must stay true).
export const UNUSABLE: Readonly<Record<string, string>> = {
  'orval/external-ref.yaml':
    "a response's items refer to https://geojson.org/schema/Point.json: the type lives on the network, and generation never fetches anything",
};
