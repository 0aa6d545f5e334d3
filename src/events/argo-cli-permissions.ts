import { SensorPermission } from './trigger-binding';

const GROUP = 'argoproj.io';

/** Whether `args` holds `flag` (`--flag value`, `--flag=value`, or a short alias). */
function hasFlag(args: readonly string[], ...flags: string[]): boolean {
  return args.some(a => flags.some(f => a === f || a.startsWith(`${f}=`)));
}

/**
 * What the extra arguments of the argo CLI (run by the sensor in kube mode, argo v3.7.9 in the
 * Argo Events v1.9.11 image) make it call beyond the operation itself: selectors list the
 * workflows they match; `--wait`/`--watch` watch the workflow; `--log` reads it and follows its
 * pods' logs (server/workflow and util/logs of argo v3.7.9).
 */
export function argoCliArgPermissions(args: readonly string[] | undefined): SensorPermission[] {
  if (!args?.length) return [];
  const verbs = [
    ...(hasFlag(args, '--selector', '-l', '--field-selector') ? ['list'] : []),
    ...(hasFlag(args, '--wait', '-w', '--watch', '--log') ? ['watch'] : []),
    ...(hasFlag(args, '--log') ? ['get'] : []),
  ];
  return [
    ...(verbs.length ? [{ apiGroup: GROUP, resource: 'workflows', verbs }] : []),
    ...(hasFlag(args, '--log') ? [{ apiGroup: '', resource: 'pods', verbs: ['list', 'watch'] }, { apiGroup: '', resource: 'pods/log', verbs: ['get'] }] : []),
  ];
}
