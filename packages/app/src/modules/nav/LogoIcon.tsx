import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
  node: { fill: '#7df3e1' },
  edge: { stroke: '#7df3e1', strokeWidth: 6 },
});

/** A small mesh of four connected nodes: the collapsed-sidebar logo. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg className={classes.svg} viewBox="0 0 100 100" role="img" aria-label="Data Mesh">
      <line className={classes.edge} x1="20" y1="20" x2="80" y2="20" />
      <line className={classes.edge} x1="20" y1="20" x2="50" y2="80" />
      <line className={classes.edge} x1="80" y1="20" x2="50" y2="80" />
      <line className={classes.edge} x1="50" y1="80" x2="50" y2="45" />
      <circle className={classes.node} cx="20" cy="20" r="12" />
      <circle className={classes.node} cx="80" cy="20" r="12" />
      <circle className={classes.node} cx="50" cy="80" r="12" />
      <circle className={classes.node} cx="50" cy="45" r="9" />
    </svg>
  );
};
