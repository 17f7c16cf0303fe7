import { EvaluationLimiter } from './EvaluationLimiter';

describe('EvaluationLimiter', () => {
  it('runs at most the allowed evaluations of one user at once and lets others run', async () => {
    const limiter = new EvaluationLimiter({ concurrent: 2, perMinute: 100 });
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const slow = () => gate.then(() => 'done');
    const first = limiter.run('user:default/a', slow);
    const second = limiter.run('user:default/a', slow);
    const third = await limiter.run('user:default/a', slow);
    expect(third).toEqual({
      throttled: expect.objectContaining({ retryAfterSeconds: 5 }),
    });
    const otherUser = limiter.run('user:default/b', slow);
    release();
    expect(await first).toEqual({ result: 'done' });
    expect(await second).toEqual({ result: 'done' });
    expect(await otherUser).toEqual({ result: 'done' });
    expect(await limiter.run('user:default/a', slow)).toEqual({
      result: 'done',
    });
  });

  it('counts the evaluations one user started in the last minute', async () => {
    let now = 0;
    const limiter = new EvaluationLimiter(
      { concurrent: 5, perMinute: 2 },
      () => now,
    );
    const quick = async () => 1;
    await limiter.run('u', quick);
    now = 10_000;
    await limiter.run('u', quick);
    now = 20_000;
    expect(await limiter.run('u', quick)).toEqual({
      throttled: expect.objectContaining({ retryAfterSeconds: 40 }),
    });
    now = 61_000;
    expect(await limiter.run('u', quick)).toEqual({ result: 1 });
  });

  it('releases a running slot when the evaluation fails', async () => {
    const limiter = new EvaluationLimiter({ concurrent: 1, perMinute: 100 });
    await expect(
      limiter.run('u', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await limiter.run('u', async () => 2)).toEqual({ result: 2 });
  });
});
