import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/** The header the backend's example sign-in reads the chosen user from. */
const EXAMPLE_USER_HEADER = 'x-example-user';

/**
 * The local portal's sign-in page: enter as guest, or as one of the example organisation's
 * people (`auth.providers.example.users`), to see the mesh as an owner and as a stranger.
 */
export function ExampleSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const users =
    config.getOptionalStringArray('auth.providers.example.users') ?? [];
  const [chosen, setChosen] = useState<
    { provider: 'guest' } | { provider: 'example'; user: string }
  >();
  if (chosen?.provider === 'guest') {
    return <ProxiedSignInPage {...props} provider="guest" />;
  }
  if (chosen?.provider === 'example') {
    return (
      <ProxiedSignInPage
        {...props}
        provider="example"
        headers={{ [EXAMPLE_USER_HEADER]: chosen.user }}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header title={config.getOptionalString('app.title') ?? 'Backstage'} />
      <Content>
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
                onClick={() => setChosen({ provider: 'guest' })}
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
                      onClick={() => setChosen({ provider: 'example', user })}
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
