import rule from '../../../src/engine/rules/open-proxy-reachable-from-internet';
import { ruleTester } from '../rule-tester';

const id = 'AUP-PRX-001';

const squidDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: egress
spec:
  replicas: 2
  selector:
    matchLabels: { app: egress }
  template:
    metadata:
      labels: { app: egress, tier: proxy }
    spec:
      containers:
        - name: squid
          image: ubuntu/squid:5.7-23.04_beta
          ports: [{ containerPort: 3128 }]
---
`;

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a Squid Deployment selected by a public LoadBalancer Service',
			path: 'k8s/egress.yaml',
			source: `${squidDeployment}apiVersion: v1
kind: Service
metadata:
  name: egress-proxy
spec:
  type: LoadBalancer
  selector: { app: egress }
  ports: [{ port: 3128, targetPort: 3128 }]
`,
			findings: [{
				ruleId: id, line: 14, character: 24, endLine: 14, endCharacter: 29, text: 'squid',
				message: /^Container image \('image' of Deployment 'egress'\) is the Squid proxy, and LoadBalancer Service 'egress-proxy' puts it on a public address: unless its access rules .*AUP section 3.*ClusterIP/,
			}],
		},
		{
			name: 'a Shadowsocks server behind a NodePort Service',
			path: 'k8s/ss.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ss
spec:
  selector:
    matchLabels: { app: ss }
  template:
    metadata:
      labels: { app: ss }
    spec:
      containers:
        - name: server
          image: ghcr.io/shadowsocks/ssserver-rust:v1.20.0
---
apiVersion: v1
kind: Service
metadata:
  name: ss
spec:
  type: NodePort
  selector: { app: ss }
  ports: [{ port: 8388, nodePort: 30388 }]
`,
			findings: [{ ruleId: id, line: 13, character: 37, endLine: 13, endCharacter: 50, text: 'ssserver-rust', message: /is the Shadowsocks proxy, and NodePort Service 'ss' opens it on every node's address/ }],
		},
		{
			name: 'a Compose Tinyproxy publishing its port on every interface',
			path: 'docker-compose.yml',
			source: `services:
  proxy:
    image: vimagick/tinyproxy
    ports:
      - "8888:8888"
    restart: unless-stopped
`,
			findings: [{ ruleId: id, line: 2, character: 20, endLine: 2, endCharacter: 29, text: 'tinyproxy', message: /service 'proxy'\) is the Tinyproxy proxy, and its 'ports' entry "8888:8888" publishes it on every interface of the host.*127\.0\.0\.1/ }],
		},
		{
			name: 'EC2 user data installing Squid, in a file whose security group opens 3128 to everyone',
			path: 'main.tf',
			source: `resource "aws_security_group" "proxy" {
  name = "proxy"
  ingress {
    from_port   = 3128
    to_port     = 3128
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "proxy" {
  ami                    = "ami-0c55b159cbfafe1f0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.proxy.id]
  user_data              = <<-EOT
    #!/bin/bash
    apt-get update && apt-get install -y squid
    sed -i 's/^http_access deny all/http_access allow all/' /etc/squid/squid.conf
    systemctl restart squid
  EOT
}
`,
			findings: [
				{ ruleId: id, line: 16, character: 41, endLine: 16, endCharacter: 46, text: 'squid', message: /^This command \('user_data' of aws_instance\.proxy\) installs the Squid proxy, and aws_security_group\.proxy opens port 3128 to 0\.0\.0\.0\/0 in this file/ },
				{ ruleId: id, line: 18, character: 22, endLine: 18, endCharacter: 27, text: 'squid', message: /starts the Squid proxy/ },
			],
		},
		{
			name: 'an open Postfix relay set with postconf and a written main.cf in cloud-init',
			path: 'cloud-init.yaml',
			source: `#cloud-config
packages: [postfix]
write_files:
  - path: /etc/postfix/main.cf
    content: |
      myhostname = mail.example.com
      mynetworks = 127.0.0.0/8 0.0.0.0/0
      inet_interfaces = all
runcmd:
  - postconf -e 'mynetworks = 0.0.0.0/0'
  - systemctl restart postfix
`,
			findings: [
				{ ruleId: id, line: 6, character: 6, endLine: 6, endCharacter: 40, text: 'mynetworks = 127.0.0.0/8 0.0.0.0/0', message: /^This Postfix setting \('content' in this file\) trusts the whole internet in mynetworks/ },
				{ ruleId: id, line: 9, character: 17, endLine: 9, endCharacter: 39, text: 'mynetworks = 0.0.0.0/0', message: /open mail relay/ },
			],
		},
		{
			name: 'a Tor exit relay configured in a startup script',
			path: 'scripts/relay.sh',
			source: `#!/bin/bash
apt-get install -y tor
cat > /etc/tor/torrc <<'EOF'
ORPort 9001
ExitRelay 1
ExitPolicy accept *:*
EOF
systemctl restart tor
`,
			findings: [
				{ ruleId: id, line: 4, character: 0, endLine: 4, endCharacter: 11, text: 'ExitRelay 1', message: /makes the host an exit relay/ },
				{ ruleId: id, line: 5, character: 0, endLine: 5, endCharacter: 21, text: 'ExitPolicy accept *:*' },
			],
		},
	],
	clean: [
		{
			name: 'Squid behind an internal AWS load balancer',
			path: 'k8s/egress.yaml',
			source: `${squidDeployment}apiVersion: v1
kind: Service
metadata:
  name: egress-proxy
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector: { app: egress }
  ports: [{ port: 3128 }]
`,
		},
		{
			name: 'Squid behind a load balancer limited to the office range, and a ClusterIP Service',
			path: 'k8s/egress.yaml',
			source: `${squidDeployment}apiVersion: v1
kind: Service
metadata:
  name: egress-proxy
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ["203.0.113.0/24"]
  selector: { app: egress }
  ports: [{ port: 3128 }]
---
apiVersion: v1
kind: Service
metadata:
  name: egress-internal
spec:
  selector: { app: egress }
  ports: [{ port: 3128 }]
`,
		},
		{
			name: 'a public LoadBalancer that selects another app than the proxy',
			path: 'k8s/egress.yaml',
			source: `${squidDeployment}apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 443 }]
`,
		},
		{
			name: 'a HAProxy ingress controller and the X-Ray daemon behind public Services',
			path: 'k8s/ingress.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: haproxy-ingress
spec:
  selector:
    matchLabels: { app: haproxy-ingress }
  template:
    metadata:
      labels: { app: haproxy-ingress }
    spec:
      containers:
        - name: haproxy
          image: haproxytech/kubernetes-ingress:3.0
        - name: xray
          image: amazon/aws-xray-daemon:3.3.12
---
apiVersion: v1
kind: Service
metadata:
  name: haproxy-ingress
spec:
  type: LoadBalancer
  selector: { app: haproxy-ingress }
  ports: [{ port: 80 }, { port: 443 }]
`,
		},
		{
			name: 'a Compose proxy published on localhost, and another only exposed to the network',
			path: 'docker-compose.yml',
			source: `services:
  proxy:
    image: ubuntu/squid:latest
    ports:
      - "127.0.0.1:3128:3128"
  socks:
    image: serjs/go-socks5-proxy
    expose: ["1080"]
  exporter:
    image: boynux/squid-exporter
    ports: ["9301:9301"]
`,
		},
		{
			name: 'user data installing Squid with no security group in the file, and a squid-deb-proxy client',
			path: 'main.tf',
			source: `resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "proxy" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    apt-get install -y squid squid-deb-proxy-client
  EOT
}
`,
		},
		{
			name: 'Postfix relaying for local networks, a commented-out open mynetworks, and a Tor client',
			path: 'cloud-init.yaml',
			source: `#cloud-config
packages: [postfix, tor]
write_files:
  - path: /etc/postfix/main.cf
    content: |
      # mynetworks = 0.0.0.0/0   never do this
      mynetworks = 127.0.0.0/8 10.0.0.0/16
  - path: /etc/tor/torrc
    content: |
      SocksPort 127.0.0.1:9050
      ExitRelay 0
runcmd:
  - postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128'
`,
		},
	],
});
