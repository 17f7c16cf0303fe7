import { ConfigReader } from '@backstage/config';
import { exampleAuthenticator } from './exampleSignIn';

async function signIn(user: string, config: object, nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const ctx = await exampleAuthenticator.initialize({
      config: new ConfigReader(config),
    });
    return await exampleAuthenticator.authenticate(
      { req: { header: () => user } } as any,
      ctx,
    );
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('the example sign-in', () => {
  it('signs in one of the listed people in development', async () => {
    await expect(
      signIn('sam-sales', { users: ['sam-sales'] }, 'development'),
    ).resolves.toEqual({ result: { user: 'sam-sales' } });
    await expect(
      signIn('mallory', { users: ['sam-sales'] }, 'development'),
    ).rejects.toThrow(/"mallory" is not one of the example users/);
  });

  it('refuses outside development, unless the configuration allows it explicitly', async () => {
    await expect(
      signIn('sam-sales', { users: ['sam-sales'] }, 'production'),
    ).rejects.toThrow(/works in development only/);
    await expect(
      signIn(
        'sam-sales',
        { users: ['sam-sales'], dangerouslyAllowOutsideDevelopment: true },
        'production',
      ),
    ).resolves.toEqual({ result: { user: 'sam-sales' } });
  });
});
