/** A focus name that matches no node. */
export class ArgoGraphFocusError extends Error {}
