/** Version of the JSON format; raised when a field changes meaning or disappears. */
export const ARGO_GRAPH_JSON_VERSION = 1;
