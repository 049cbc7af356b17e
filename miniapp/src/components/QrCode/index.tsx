import { useMemo } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { qrBoxes, qrMatrix } from '../../utils/qr'
import './index.scss'

interface Props {
  text: string
  /** Widest the code may be, in design px (750 = the screen's width). */
  maxSize?: number
}

/** The quiet zone scanners need around a code, in modules. */
const QUIET_ZONE = 4

/**
 * A QR code drawn as plain Views (no canvas), so the mini program and H5 render the same thing.
 * Modules are a whole number of design px: no blurred seams between neighbouring boxes.
 */
export default function QrCode({ text, maxSize = 600 }: Props) {
  const { boxes, modules } = useMemo(() => {
    const matrix = qrMatrix(text)
    return { boxes: qrBoxes(matrix), modules: matrix.length }
  }, [text])
  const unit = Math.max(2, Math.floor(maxSize / (modules + 2 * QUIET_ZONE)))
  const size = Taro.pxTransform(unit * (modules + 2 * QUIET_ZONE))
  const at = (n: number) => Taro.pxTransform((n + QUIET_ZONE) * unit)
  const span = (n: number) => Taro.pxTransform(n * unit)
  return (
    <View className={`qr-code qr-code--${modules}`} style={{ width: size, height: size }} ariaLabel='入场二维码'>
      {boxes.map((box) => (
        <View
          key={`${box.x}.${box.y}`}
          className='qr-code__box'
          style={{ left: at(box.x), top: at(box.y), width: span(box.w), height: span(box.h) }}
        />
      ))}
    </View>
  )
}
