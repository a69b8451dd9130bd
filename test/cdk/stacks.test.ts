import { describeStacks } from './stack-assertions.ts';

/** The templates `npm run deploy` deploys to AWS. */
describeStacks('aws');
