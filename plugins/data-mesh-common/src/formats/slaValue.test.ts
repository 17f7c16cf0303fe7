import { toOdcsSlaValue } from './slaValue';

describe('toOdcsSlaValue', () => {
  it.each([
    ['99.9%', 99.9, 'percent'],
    ['> 99.5%', 99.5, 'percent'],
    ['25h', 25, 'h'],
    ['< 1 hour', 1, 'h'],
    ['24 hours', 24, 'h'],
    ['1 week', 1, 'w'],
    ['7 years', 7, 'y'],
    ['5000d', 5000, 'd'],
    ['30 min', 30, 'min'],
    ['P1Y', 1, 'y'],
    ['P3M', 3, 'mo'],
    ['PT24H', 24, 'h'],
    ['PT5M', 5, 'min'],
  ])('reads %p as %p %p', (text, value, unit) => {
    expect(toOdcsSlaValue(text)).toEqual({ value, unit });
  });

  it('keeps text it cannot read as the value, without a unit', () => {
    expect(toOdcsSlaValue('9am to 5pm in EST')).toEqual({
      value: '9am to 5pm in EST',
    });
    expect(toOdcsSlaValue('P1DT2H')).toEqual({ value: 'P1DT2H' });
    expect(toOdcsSlaValue('0 2 * * *')).toEqual({ value: '0 2 * * *' });
  });

  it('takes numbers, booleans and null as they are', () => {
    expect(toOdcsSlaValue(24)).toEqual({ value: 24 });
    expect(toOdcsSlaValue(false)).toEqual({ value: false });
    expect(toOdcsSlaValue(null)).toEqual({ value: null });
  });
});
