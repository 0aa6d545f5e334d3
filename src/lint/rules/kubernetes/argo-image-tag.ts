import { childPath } from '../../path';
import { Rule } from '../../types';
import { containersOf } from '../../util/containers';
import { imageReferenceProblem } from '../../util/image';
import { hasTemplateExpression } from '../../util/names';

/** The tag of a valid image reference, or undefined when it has none (`registry:5000/app` has no tag). */
function tagOf(image: string): string | undefined {
  const name = image.split('@')[0];
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
}

/**
 * ARGO-IMAGE-TAG (warning): a container image without a tag (which means :latest) or tagged
 * :latest, in the containers the manifests define (Argo's own executor and sidecar images are not
 * in them). Such an image changes under the workflow between runs, and Kubernetes pulls it on
 * every pod start (imagePullPolicy defaults to Always for :latest) instead of using the node's copy.
 */
export const ARGO_IMAGE_TAG: Rule = {
  id: 'ARGO-IMAGE-TAG',
  description: 'Container images are pinned to a version tag or a digest (not :latest, not untagged)',
  check(ctx) {
    for (const at of containersOf(ctx.manifest)) {
      const image = at.container.image;
      if (typeof image !== 'string' || image === '' || hasTemplateExpression(image) || image.includes('$(') || imageReferenceProblem(image)) continue;
      if (image.includes('@')) continue; // pinned by digest
      const tag = tagOf(image);
      if (tag !== undefined && tag !== 'latest') continue;
      const policy = at.container.imagePullPolicy;
      const pull = policy === 'IfNotPresent' || policy === 'Never'
        ? `with imagePullPolicy ${policy} each node keeps whichever version it pulled first, so pods on different nodes may run different code`
        : 'Kubernetes defaults imagePullPolicy to Always for it, so every pod pulls the image again instead of using the node\'s copy';
      ctx.report(childPath(at.path, 'image'), `image "${image}" ${tag ? 'is tagged :latest' : 'has no tag, which means :latest'}: the image can change between two runs `
        + `(a run cannot be reproduced), and ${pull}. Pin a version tag or a digest (e.g. ${image.replace(/:latest$/, '')}:<version> or @sha256:...). `
        + 'If a moving tag is intended, suppress ARGO-IMAGE-TAG for this object.', 'warning');
    }
  },
};
