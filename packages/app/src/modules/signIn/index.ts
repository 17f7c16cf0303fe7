import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** The local portal's sign-in page: guest or an example person. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => {
          const { ExampleSignInPage } = await import('./ExampleSignInPage');
          return ExampleSignInPage;
        },
      },
    }),
  ],
});
