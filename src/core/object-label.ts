import { ApiObject } from 'cdk8s';

/**
 * `Kind/name` of an API object as findings print it (`Kind/prefix*` when it is named by
 * `generateName`), read from its metadata without serializing the object.
 */
export function objectLabel(apiObject: ApiObject): string {
  const meta = apiObject.metadata.toJson();
  return `${apiObject.kind}/${meta.generateName && !meta.name ? `${meta.generateName}*` : apiObject.name}`;
}
