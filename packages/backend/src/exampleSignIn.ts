/**
 * Sign-in as one of the example organisation's people (example portal only): the sign-in
 * page offers the users listed in `auth.providers.example.users`, so the portal can be tried
 * as an owner and as someone who owns nothing. Like the guest provider, it refuses to work
 * outside development unless `auth.providers.example.dangerouslyAllowOutsideDevelopment` is
 * set, which only the end-to-end tests of the production build do.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The request header that names the example user to sign in as. */
export const EXAMPLE_USER_HEADER = 'x-example-user';

/** Who may sign in, and how the sign-in is refused. */
export const exampleAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { user: string }) => ({
    profile: { displayName: result.user },
  }),
  initialize({ config }) {
    return {
      users: config.getOptionalStringArray('users') ?? [],
      outsideDevelopment:
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
        true,
    };
  },
  async authenticate({ req }, { users, outsideDevelopment }) {
    if (process.env.NODE_ENV !== 'development' && !outsideDevelopment) {
      throw new NotAllowedError(
        'the example sign-in works in development only; configure a real sign-in provider',
      );
    }
    const user = req.header(EXAMPLE_USER_HEADER) ?? '';
    if (!users.includes(user)) {
      throw new AuthenticationError(
        `"${user}" is not one of the example users (auth.providers.example.users: ${users.join(
          ', ',
        )})`,
      );
    }
    return { result: { user } };
  },
});

/** The `example` sign-in provider. */
export const exampleSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'example-users-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'example',
          factory: createProxyAuthProviderFactory({
            authenticator: exampleAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: { kind: 'User', name: result.user },
              }),
          }),
        });
      },
    });
  },
});
