import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/** The header the backend's example sign-in reads the chosen user from. */
const EXAMPLE_USER_HEADER = 'x-example-user';

/** Where the choice is kept, so a reload signs in again as the same person. */
const CHOICE_KEY = 'data-mesh-example:sign-in';

type Choice = { provider: 'guest' } | { provider: 'example'; user: string };

function storedChoice(users: string[]): Choice | undefined {
  try {
    const choice = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? 'null');
    if (choice?.provider === 'guest') return { provider: 'guest' };
    if (choice?.provider === 'example' && users.includes(choice.user))
      return { provider: 'example', user: choice.user };
  } catch {
    // nothing usable kept: ask
  }
  return undefined;
}

/** The identity, forgetting the choice on sign-out so the next sign-in asks again. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(CHOICE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The local portal's sign-in page: enter as guest, or as one of the example organisation's
 * people (`auth.providers.example.users`), to see the mesh as an owner and as a stranger.
 */
export function ExampleSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const users =
    config.getOptionalStringArray('auth.providers.example.users') ?? [];
  const [chosen, setChosen] = useState<Choice | undefined>(() =>
    storedChoice(users),
  );
  const choose = (choice: Choice) => {
    localStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
    setChosen(choice);
  };
  const { onSignInSuccess } = props;
  const signedIn = useCallback(
    (identity: IdentityApi) => onSignInSuccess(forgettingOnSignOut(identity)),
    [onSignInSuccess],
  );
  // A choice that does not work (the backend is down, the user was removed): ask again.
  const [failure, setFailure] = useState<string>();
  const Failed = useMemo(
    () =>
      function SignInFailed({ error }: { error?: Error }) {
        useEffect(() => {
          localStorage.removeItem(CHOICE_KEY);
          setFailure(error?.message ?? 'the sign-in failed');
          setChosen(undefined);
        }, [error]);
        return null;
      },
    [],
  );
  if (chosen) {
    return (
      <ProxiedSignInPage
        onSignInSuccess={signedIn}
        provider={chosen.provider}
        headers={
          chosen.provider === 'example'
            ? { [EXAMPLE_USER_HEADER]: chosen.user }
            : undefined
        }
        ErrorComponent={Failed}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header title={config.getOptionalString('app.title') ?? 'Backstage'} />
      <Content>
        {failure && (
          <Typography color="error" paragraph role="alert">
            Could not sign in: {failure}
          </Typography>
        )}
        <Grid container spacing={3}>
          <Grid item xs={12} md={5}>
            <InfoCard title="Guest" variant="fullHeight">
              <Typography paragraph>
                Enter as a member of Product Analytics: you own its products
                and receive their alerts.
              </Typography>
              <Button
                color="primary"
                variant="outlined"
                onClick={() => choose({ provider: 'guest' })}
              >
                Enter
              </Button>
            </InfoCard>
          </Grid>
          {users.length > 0 && (
            <Grid item xs={12} md={5}>
              <InfoCard title="An example person" variant="fullHeight">
                <Typography>
                  Sign in as someone of the example organisation, to see what
                  an owner sees of their products and what others see of them.
                </Typography>
                <List aria-label="Example people">
                  {users.map(user => (
                    <ListItem
                      key={user}
                      button
                      onClick={() => choose({ provider: 'example', user })}
                    >
                      <ListItemText primary={`Sign in as ${user}`} />
                    </ListItem>
                  ))}
                </List>
              </InfoCard>
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
