import { validateGovernanceVerdict } from './formField';

function errorsFor(value: string | undefined, requirePass: boolean) {
  const errors: string[] = [];
  validateGovernanceVerdict(
    value as string,
    { addError: (e: string) => errors.push(e) } as any,
    { uiSchema: { 'ui:options': { requirePass } } } as any,
  );
  return errors;
}

describe('validateGovernanceVerdict', () => {
  it('lets a form with requirePass go on only with a passing verdict', () => {
    expect(errorsFor('pass', true)).toEqual([]);
    expect(errorsFor('warn', true)).toEqual([]);
    expect(errorsFor('block', true)).toEqual([
      'A governance policy blocks this product: fix the findings shown above first',
    ]);
    expect(errorsFor('unknown', true)).toEqual([
      'The governance verdict is not known yet: wait until it shows above, then go on',
    ]);
    expect(errorsFor(undefined, true)).toHaveLength(1);
  });

  it('lets any verdict through without requirePass', () => {
    expect(errorsFor('block', false)).toEqual([]);
  });
});
