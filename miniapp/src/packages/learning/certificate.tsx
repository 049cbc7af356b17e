import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Canvas, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CertificateDetailDocument, MyCertificatesDocument, type CertificateFieldsFragment } from './gql/graphql'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useSession } from '../../hooks/useStore'
import { messageOf, request } from '../../services/graphql'
import { decodeRouteParam } from '../../utils/route'
import { useCourseQuery } from './hooks/useCourseQuery'
import { CERTIFICATE_CANVAS_ID, explainAlbumPermission, saveCertificateImage } from './services/certificate-image'
import { certificateDate, certificateStatement, ISSUER, PROGRAMME } from './utils/certificate'
import './certificate.scss'

async function fetchCertificate(id: string) {
  const { certificate } = await request(CertificateDetailDocument, { id })
  return certificate
}

function openCatalogue() {
  void Taro.navigateTo({ url: '/packages/learning/index' })
}

/** `certificate?id=`: one certificate; without an id: all of the reader's certificates. */
export default function CertificatePage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id)
  const session = useSession()
  let content: ReactNode
  if (!session.token) {
    // Signed in right here (switching to 我的 would close this page); the certificate shows then.
    content = <SignInPanel title='登录后可以查看您的结业证书' />
  } else if (id) {
    content = <OneCertificate id={id} />
  } else {
    content = <AllCertificates />
  }
  return <PageRoot className='certificate-page'>{content}</PageRoot>
}

function OneCertificate({ id }: { id: string }) {
  const { state, reload } = useCourseQuery(id, fetchCertificate)
  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'notFound') {
    return <StatusView kind='empty' message='没有找到这张证书' actionText='看看我的证书' onAction={() => void Taro.redirectTo({ url: '/packages/learning/certificate' })} />
  }
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  return <CertificateView certificate={state.data} />
}

function CertificateView({ certificate }: { certificate: CertificateFieldsFragment }) {
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null)
  const inFlight = useRef(false)

  const save = async () => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setNote(null)
    try {
      const outcome = await saveCertificateImage(certificate)
      if (outcome.kind === 'saved') {
        setNote('已保存到手机相册')
        void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      } else if (outcome.kind === 'downloaded') {
        setDownloadUrl(outcome.url)
        setNote('证书图片已下载。如果没有看到下载，请长按下面的图片保存。')
      } else if (outcome.kind === 'refused') {
        setNote('没能保存：需要您允许使用相册。')
        await explainAlbumPermission()
      } else if (outcome.kind === 'failed') {
        setNote('没能保存图片，请再试一次。')
      }
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <View className='certificate'>
      <View className='certificate-paper'>
        <View className='certificate-paper__frame'>
          <Text className='certificate-paper__programme'>{PROGRAMME}</Text>
          <Text className='certificate-paper__title'>结业证书</Text>
          <View className='certificate-paper__rule' />
          <Text className='certificate-paper__lead'>兹证明</Text>
          <Text className='certificate-paper__name'>{certificate.recipientName}</Text>
          <Text className='certificate-paper__statement'>{certificateStatement(certificate)}</Text>
          <Text className='certificate-paper__lecturer'>主讲人：{certificate.lecturerName}</Text>
          <View className='certificate-paper__foot'>
            <View className='certificate-paper__facts'>
              <Text className='certificate-paper__fact certificate-paper__number'>证书编号：{certificate.number}</Text>
              <Text className='certificate-paper__fact certificate-paper__date'>颁发日期：{certificateDate(certificate.issuedAt)}</Text>
            </View>
            <View className='certificate-paper__issuer'>
              <Text className='certificate-paper__issuer-name'>{ISSUER}</Text>
              <Text className='certificate-paper__issuer-programme'>{PROGRAMME}</Text>
            </View>
          </View>
        </View>
      </View>

      <View
        className={`big-button big-button--primary certificate__save${busy ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={() => void save()}
      >
        {busy ? '正在生成图片…' : '保存图片'}
      </View>
      {note && <Text className='certificate__note'>{note}</Text>}
      {downloadUrl && <Image className='certificate__preview' src={downloadUrl} mode='widthFix' showMenuByLongpress />}
      <View
        className='certificate__course'
        hoverClass='certificate__course--hover'
        onClick={() => void Taro.navigateTo({ url: `/packages/learning/course?id=${encodeURIComponent(certificate.course.id)}` })}
      >
        查看这门课程 ›
      </View>

      {/* The phone draws the picture here (out of sight) before saving it. */}
      {process.env.TARO_ENV === 'weapp' && <Canvas type='2d' id={CERTIFICATE_CANVAS_ID} className='certificate__canvas' />}
    </View>
  )
}

function AllCertificates() {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; items: CertificateFieldsFragment[] } | { status: 'error'; message: string }
  >({ status: 'loading' })
  const load = async () => {
    setState({ status: 'loading' })
    try {
      const { myCertificates } = await request(MyCertificatesDocument)
      setState({ status: 'ready', items: myCertificates })
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) })
    }
  }
  useEffect(() => {
    void load()
  }, [])

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void load()} />
  if (state.items.length === 0) {
    return <StatusView kind='empty' message='还没有结业证书。学完一门课程，就能领到证书。' actionText='去学习' onAction={openCatalogue} />
  }
  return (
    <View className='certificate-list'>
      <Text className='certificate-list__heading'>我的结业证书（{state.items.length}）</Text>
      {state.items.map((item) => (
        <View
          key={item.id}
          className='certificate-item'
          hoverClass='certificate-item--hover'
          onClick={() => void Taro.navigateTo({ url: `/packages/learning/certificate?id=${encodeURIComponent(item.id)}` })}
        >
          <Text className='certificate-item__title'>{item.courseTitle}</Text>
          <Text className='certificate-item__meta'>
            {certificateDate(item.issuedAt)} · {item.number}
          </Text>
          <Text className='certificate-item__more'>查看证书 ›</Text>
        </View>
      ))}
    </View>
  )
}
