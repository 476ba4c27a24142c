import {Transform, type TransformCallback} from 'node:stream'
import {LimitExceededError} from '../errors.js'

/**
 * Passes bytes through until more than `limit` have gone by, then fails the stream with a
 * {@link LimitExceededError} (`archive-bytes`) whose message is `${label}: ${what} exceeds N bytes`.
 */
export function byteLimit(limit: number, label: string, what: string): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length
      if (seen > limit)
        callback(
          new LimitExceededError(`${label}: ${what} exceeds ${limit} bytes`, 'archive-bytes')
        )
      else callback(null, chunk)
    }
  })
}
