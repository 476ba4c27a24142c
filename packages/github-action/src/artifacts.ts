/**
 * Keeps every output of the run as one workflow artifact (@actions/artifact): per image the ARF
 * (evidence), the HTML report, the SARIF, `results.json`, `summary.md` and `fixes/`. Works on fork
 * PRs too (the runtime token, not the GitHub token, authorises it). A failed upload is a warning:
 * the gate has already been decided from the files on disk.
 */
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {DefaultArtifactClient} from '@actions/artifact'

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true})
  return entries
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name))
    .sort()
}

export async function uploadOutputs(
  name: string,
  outDir: string
): Promise<{id?: number; files: number}> {
  const files = await listFiles(outDir)
  if (files.length === 0) return {files: 0}
  const client = new DefaultArtifactClient()
  const {id} = await client.uploadArtifact(name, files, outDir, {compressionLevel: 6})
  return {...(id === undefined ? {} : {id}), files: files.length}
}
