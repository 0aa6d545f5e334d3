import { Rule } from '../../types';
import { W1_OBJECT_NAME_LENGTH, W2_CRON_WORKFLOW_NAME_LENGTH } from './w01-w02-object-names';
import { W3_NODE_NAMES, W5_VARIABLE_NODE_NAMES } from './w03-w05-node-names';
import { W4_PARAMETER_NAMES } from './w04-parameter-names';
import { W6_ENTRYPOINT } from './w06-entrypoint';
import { W7_TEMPLATE_REFERENCES } from './w07-template-references';
import { W8_WORKFLOW_TEMPLATE_REF } from './w08-workflow-template-ref';
import { W9_TEMPLATE_TYPE } from './w09-template-type';
import { W10_IMAGE } from './w10-image';
import { W11_FIELD_PLACEMENT } from './w11-leaf-only-fields';
import { W12_ACTIVE_DEADLINE } from './w12-active-deadline';
import { W13_TIMEOUTS } from './w13-timeouts';
import { W14_RESOURCE } from './w14-resource';
import { W15_MOUNT_PATHS } from './w15-mount-paths';
import { W16_INIT_CONTAINER_NAMES, W17_CONTAINER_SET, W18_RESERVED_CONTAINER_NAMES } from './w16-w18-containers';
import { W20_ARGUMENTS } from './w20-arguments';
import { W21_REQUIRED_INPUTS } from './w21-required-inputs';
import { W22_ARTIFACT_PATHS } from './w22-artifact-paths';
import { W23_OUTPUT_PARAMETERS } from './w23-output-parameters';
import { W24_DAG_DEPENDENCIES } from './w24-dag-dependencies';
import { W25_DAG_NOT_EMPTY, W26_DAG_DEPENDENCY_STYLE } from './w25-w26-dag-shape';
import { W27_DEPENDS_RESULTS } from './w27-depends-results';
import { W28_TASK_ANCESTORS, W31_TEMPLATE_VARIABLES, W32_WORKFLOW_VARIABLES } from './w28-w31-w32-variables';
import { W29_DAG_TARGETS } from './w29-dag-targets';
import { W30_LOOPS } from './w30-loops';
import { W33_SCHEDULES, W34_CRON_SYNTAX, W35_TIMEZONE, W36_CONCURRENCY } from './w33-w36-cron-workflow';
import { W37_RETRY_POLICY, W38_POD_GC, W39_HOOK_EXPRESSIONS } from './w37-w39-policies';
import { W40_METRICS } from './w40-metrics';
import { W41_EXECUTOR_PLUGINS } from './w41-executor-plugins';
import { W42_POD_RESOURCES } from './w42-pod-resources';
import { W43_PLUGIN_TEMPLATES } from './w43-plugin-templates';
import { W44_ARTIFACT_LOCATIONS } from './w44-artifact-locations';
import { W45_UNCLOSED_TAGS } from './w45-unclosed-tags';

/** Argo Workflows rules W1-W40 of the rule catalogue (there is no W19), W41-W44 found in calibration and W45 (issue #15), in id order. */
export const WORKFLOWS_RULES: readonly Rule[] = [
  W1_OBJECT_NAME_LENGTH, W2_CRON_WORKFLOW_NAME_LENGTH, W3_NODE_NAMES, W4_PARAMETER_NAMES, W5_VARIABLE_NODE_NAMES,
  W6_ENTRYPOINT, W7_TEMPLATE_REFERENCES, W8_WORKFLOW_TEMPLATE_REF, W9_TEMPLATE_TYPE, W10_IMAGE,
  W11_FIELD_PLACEMENT, W12_ACTIVE_DEADLINE, W13_TIMEOUTS, W14_RESOURCE, W15_MOUNT_PATHS,
  W16_INIT_CONTAINER_NAMES, W17_CONTAINER_SET, W18_RESERVED_CONTAINER_NAMES, W20_ARGUMENTS,
  W21_REQUIRED_INPUTS, W22_ARTIFACT_PATHS, W23_OUTPUT_PARAMETERS, W24_DAG_DEPENDENCIES, W25_DAG_NOT_EMPTY,
  W26_DAG_DEPENDENCY_STYLE, W27_DEPENDS_RESULTS, W28_TASK_ANCESTORS, W29_DAG_TARGETS, W30_LOOPS,
  W31_TEMPLATE_VARIABLES, W32_WORKFLOW_VARIABLES, W33_SCHEDULES, W34_CRON_SYNTAX, W35_TIMEZONE,
  W36_CONCURRENCY, W37_RETRY_POLICY, W38_POD_GC, W39_HOOK_EXPRESSIONS, W40_METRICS, W41_EXECUTOR_PLUGINS, W42_POD_RESOURCES,
  W43_PLUGIN_TEMPLATES, W44_ARTIFACT_LOCATIONS, W45_UNCLOSED_TAGS,
];

/** Ids of WORKFLOWS_RULES. */
export const WORKFLOWS_RULE_IDS: readonly string[] = WORKFLOWS_RULES.map(r => r.id);
