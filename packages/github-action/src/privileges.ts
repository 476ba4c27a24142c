/**
 * The contained scan needs root (it unpacks image layers with their owners and runs oscap in a
 * private namespace). Hosted runners run actions as an unprivileged user with password-less
 * sudo, so the action re-executes itself once as `sudo -E -n node dist/action/index.js`: `-E`
 * keeps the runner's variables (INPUT_*, GITHUB_*, ACTIONS_*), `-n` fails instead of prompting.
 * The child writes the outputs and commands; the parent only passes its exit code on.
 */
import {spawn} from 'node:child_process'
import {EnvironmentError} from '@scapgate/core'
import type {Env} from './inputs.js'

/** Set in the child so that it never re-executes again. */
export const elevatedMarker = 'SCAPGATE_ACTION_ELEVATED'

export type PrivilegePlan = {kind: 'run'} | {kind: 'sudo'; command: string; args: string[]}

export function planPrivileges(
  uid: number,
  env: Env,
  execPath: string,
  script: string
): PrivilegePlan {
  if (uid === 0 || env[elevatedMarker] === '1' || env.SCAPGATE_NO_SUDO === 'true')
    return {kind: 'run'}
  return {
    kind: 'sudo',
    command: 'sudo',
    args: ['-E', '-n', `${elevatedMarker}=1`, execPath, script]
  }
}

/** Runs the plan's command with inherited stdio; resolves with its exit code. */
export function reexec(plan: Extract<PrivilegePlan, {kind: 'sudo'}>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(plan.command, plan.args, {stdio: 'inherit'})
    child.on('error', error =>
      reject(
        new EnvironmentError(
          `the scan needs root and \`sudo\` could not be started (${error.message}); run the job as root or set SCAPGATE_NO_SUDO=true on a runner where the scan may run unprivileged`
        )
      )
    )
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)))
  })
}
