export interface Config {
  auth?: {
    providers?: {
      /**
       * Sign-in as an example person (development only; the backend's exampleSignIn module
       * checks the same list).
       */
      example?: {
        /**
         * The names of the User entities one may sign in as; the sign-in page lists them.
         * @visibility frontend
         */
        users: string[];
      };
    };
  };
}
