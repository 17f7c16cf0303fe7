import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8 },
  text: { color: '#ffffff', fontSize: 20, fontWeight: 700, whiteSpace: 'nowrap' },
});

/** The expanded-sidebar logo: the mesh glyph and the portal's name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <LogoIcon />
      <span className={classes.text}>Data Mesh</span>
    </div>
  );
};
