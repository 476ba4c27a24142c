// The action's entry (action.yml `main: dist/action/index.js`): nothing else runs at import time.
import {run} from './main.js'

void run()
