// The reviewed exceptions of the Prism suite, each with its reason. Keys are
// `<spec file>: <method> (required|all inputs)`. A listed call that passes is named in the log
// (remove it here then).
//
// Not listed, because a rule decides them (run-spec.ts, CallResult.prismLimit) and the capture
// server checks their wire: arrays or objects in form and multipart bodies and below a query
// parameter's first level, which Prism cannot decode. An answer Prism builds that breaks the spec
// (GitHub's examples often lack required fields) is no refusal: Prism runs without `--errors`, sends
// it and names its faults, and the client's result is compared with it. orval's documents without
// operations give Prism nothing to serve (it refuses to start) and are counted, not run.

/**
 * Inputs the test's value generator (json-schema-faker over the raw schemas, each value checked by
 * Ajv and tried with up to eight seeds) still gets wrong: the call was wire-exact (the client sent
 * exactly these inputs) and Prism found the inputs, not their encoding, at fault.
 */
const INPUTS = (what: string) => `the generated inputs break the schema, not the client: ${what}`;

const both = (key: string, reason: string) => ({ [`${key} (required)`]: reason, [`${key} (all inputs)`]: reason });

export const REVIEWED_CALLS: Readonly<Record<string, string>> = {
  ...both('deeply-nested-refs.yaml: deeplyNested.retrieve', 'Prism 5.16 fails on a $ref into #/paths/… (500 "Invalid reference token: paths"); the client compiles and the wire is checked'),
  ...both('dotted-path-params.yaml: api.v1.resources.retrieve', 'Prism cannot route a path template whose parameter name has a dot ({scope.id}): 404 for every value'),
  ...both('dotted-path-params.yaml: api.v1.scopes.retrieveItem', 'Prism cannot route a path template whose parameter name has a dot ({scope.id}): 404 for every value'),
  ...both('stream.yaml: stream.retrieve', 'Prism has no serializer for application/x-ndjson (500 "Cannot find serializer")'),
  ...{
    'DigitalOcean-public.v2.yaml: dedicatedInferences.create (required)': INPUTS('spec.model_deployments left empty though it needs one item'),
    'DigitalOcean-public.v2.yaml: droplets.actions (all inputs)': INPUTS('a body matching more than one variant of its oneOf'),
    'DigitalOcean-public.v2.yaml: embeddings.create (required)': INPUTS('json-schema-faker throws on the schema ("Cannot assign to read only property")'),
    'DigitalOcean-public.v2.yaml: messages.create (required)': INPUTS('json-schema-faker throws on the schema (an items lookup on undefined, when it cleans out nulls)'),
  },
};
