import { childPath } from '../../path';
import { Rule } from '../../types';
import { containersOf } from '../../util/containers';
import { imageReferenceProblem, suggestImage } from '../../util/image';
import { podConsequence } from '../../util/kinds';
import { hasTemplateExpression } from '../../util/names';

/**
 * K8S-IMAGE: container images are valid references (`[registry/]path[:tag][@digest]`, path
 * lowercase). The API server stores any string; the kubelet then cannot pull it.
 */
export const K8S_IMAGE: Rule = {
  id: 'K8S-IMAGE',
  description: 'Container images are valid image references (lowercase repository path, valid tag and digest)',
  check(ctx) {
    for (const at of containersOf(ctx.manifest)) {
      const image = at.container.image;
      if (typeof image !== 'string' || image === '' || hasTemplateExpression(image) || image.includes('$(')) continue;
      const problem = imageReferenceProblem(image);
      if (!problem) continue;
      const suggestion = suggestImage(image);
      const fix = suggestion !== image && !imageReferenceProblem(suggestion)
        ? `Use "${suggestion}" (registries store repository names in lowercase).`
        : 'Write it as [registry[:port]/]path[:tag][@sha256:digest] with a lowercase path.';
      ctx.report(childPath(at.path, 'image'), `image "${image}" is not a valid image reference: ${problem}; `
        + `${podConsequence(ctx.manifest, 'the kubelet cannot parse it and the pod stays in InvalidImageName')}. ${fix}`);
    }
  },
};
