#!/usr/bin/env node
// Entry point only: nothing runs at import time except the call below.
import {runWrapper} from './main.js'

void runWrapper()
