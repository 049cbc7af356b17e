// 保存图片 for a certificate. On the phone: drawn on the page's canvas 2d, exported with
// canvasToTempFilePath and saved to the photo album (WeChat asks the reader once). On H5: drawn
// on a canvas of the page's own and offered as a PNG download (and shown, for a long press).
import Taro from '@tarojs/taro'
import {
  CERTIFICATE_HEIGHT,
  CERTIFICATE_WIDTH,
  certificateFileName,
  drawCertificate,
  isAlbumPermissionRefusal,
  isUserCancel,
  type CanvasLike,
  type CertificateData,
} from '../utils/certificate'

export const CERTIFICATE_CANVAS_ID = 'certificate-canvas'

export type SaveOutcome =
  | { kind: 'saved' }
  /** H5: the PNG was offered as a download; `url` shows it for a long press. */
  | { kind: 'downloaded'; url: string }
  | { kind: 'cancelled' }
  | { kind: 'refused' }
  | { kind: 'failed' }

function errMsgOf(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg)
  return error instanceof Error ? error.message : String(error ?? '')
}

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasLike
}

function canvasNode(): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CERTIFICATE_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((result) => resolve((result?.[0]?.node as CanvasNode | undefined) ?? null))
  })
}

async function saveOnPhone(data: CertificateData): Promise<SaveOutcome> {
  const canvas = await canvasNode()
  if (!canvas) return { kind: 'failed' }
  canvas.width = CERTIFICATE_WIDTH
  canvas.height = CERTIFICATE_HEIGHT
  drawCertificate(canvas.getContext('2d'), data)
  let filePath: string
  try {
    const exported = await Taro.canvasToTempFilePath({
      canvas: canvas as unknown as Taro.canvasToTempFilePath.Option['canvas'],
      fileType: 'png',
      destWidth: CERTIFICATE_WIDTH,
      destHeight: CERTIFICATE_HEIGHT,
    })
    filePath = exported.tempFilePath
  } catch {
    return { kind: 'failed' }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return { kind: 'saved' }
  } catch (error) {
    const message = errMsgOf(error)
    if (isUserCancel(message)) return { kind: 'cancelled' }
    if (isAlbumPermissionRefusal(message)) return { kind: 'refused' }
    return { kind: 'failed' }
  }
}

function saveInBrowser(data: CertificateData): SaveOutcome {
  const canvas = document.createElement('canvas')
  canvas.width = CERTIFICATE_WIDTH
  canvas.height = CERTIFICATE_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) return { kind: 'failed' }
  drawCertificate(ctx, data)
  const url = canvas.toDataURL('image/png')
  const link = document.createElement('a')
  link.href = url
  link.download = certificateFileName(data.number)
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return { kind: 'downloaded', url }
}

export async function saveCertificateImage(data: CertificateData): Promise<SaveOutcome> {
  if (process.env.TARO_ENV === 'h5') return saveInBrowser(data)
  return saveOnPhone(data)
}

/**
 * The reader once said no to the photo album: WeChat will not ask again by itself. Explain why it
 * is needed and open the settings page where it can be switched on.
 */
export async function explainAlbumPermission(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '需要您允许保存到相册',
    content: '保存证书图片要用到手机相册。请在接下来的页面里打开“添加到相册”，回来后再点一次“保存图片”。',
    confirmText: '去打开',
    cancelText: '先不用',
  })
  if (confirm) await Taro.openSetting().catch(() => undefined)
}
