import { S3Artifact, Template, toJson_S3Artifact, toJson_Template } from '../../imports/argo-workflows';

/**
 * The generated toJson_ mappers (src/codegen/generate.ts builds their results field by field):
 * the schema's field names, in the schema's order, undefined fields left out and every other
 * value (false, 0, '', null) kept, maps copied without their undefined entries.
 */
describe('generated toJson_ mappers', () => {
  test('map the camelCase props to the schema names, in the schema order, leaving out only undefined fields', () => {
    const artifact: S3Artifact = { useSdkCreds: false, roleArn: 'arn:aws:iam::1:role/r', key: '', bucket: undefined, insecure: null as unknown as boolean };
    const json = toJson_S3Artifact(artifact)!;
    expect(json).toEqual({ insecure: null, key: '', roleARN: 'arn:aws:iam::1:role/r', useSDKCreds: false });
    expect(Object.keys(json)).toEqual(['insecure', 'key', 'roleARN', 'useSDKCreds']);
    expect(Object.prototype.hasOwnProperty.call(json, 'bucket')).toBe(false);
  });

  test('map nested types and maps, and give undefined for an undefined object', () => {
    const template: Template = { name: 'main', activeDeadlineSeconds: 0, nodeSelector: { disk: 'ssd', zone: undefined as unknown as string }, outputs: { artifacts: [{ name: 'out', s3: { useSdkCreds: true } }] } };
    expect(toJson_Template(template)).toEqual({
      activeDeadlineSeconds: 0, name: 'main', nodeSelector: { disk: 'ssd' }, outputs: { artifacts: [{ name: 'out', s3: { useSDKCreds: true } }] },
    });
    expect(Object.keys(toJson_Template(template)!.nodeSelector)).toEqual(['disk']);
    expect(toJson_Template(undefined)).toBeUndefined();
  });
});
