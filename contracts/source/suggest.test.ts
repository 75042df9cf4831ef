import { describe, expect, it } from 'vitest';
import { closest, didYouMean, distance } from './suggest.js';

describe('suggest', () => {
  it.each([
    ['grpc', 'grpc', 0],
    ['grcp', 'grpc', 1],
    ['lnit', 'lint', 1],
    ['GRPC', 'grpc', 0],
    ['formt', 'format', 1],
    ['rest-clinet', 'rest-client', 1],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
  ])('distance(%s, %s) is %i', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
  });

  it('picks the nearest candidate within reach, else none', () => {
    expect(closest('lnit', ['init', 'lint', 'breaking'])).toBe('lint');
    expect(closest('int', ['init', 'lint'])).toBe('init');
    expect(closest('brekaing', ['init', 'lint', 'breaking'])).toBe('breaking');
    expect(closest('xyz', ['init', 'lint', 'breaking'])).toBeUndefined();
  });

  it('formats the sentence', () => {
    expect(didYouMean('stagd', ['staged', 'cache'], (o) => `--${o}`)).toBe(' Did you mean `--staged`?');
    expect(didYouMean('zzz', ['staged'])).toBe('');
  });
});
