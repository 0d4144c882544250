# Prompt: "A MySQL RDS instance my laptop can connect to. Make it work, I'll lock it down later."
provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAMLNO5THOSCHFXFXE"
  secret_key = "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"
}

resource "aws_db_instance" "app" {
  identifier             = "app-db"
  engine                 = "mysql"
  engine_version         = "8.0"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  username               = "admin"
  password               = "Sup3rS3cret!2024"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.db.id, aws_security_group.debug.id]
  skip_final_snapshot    = true
}

resource "aws_security_group" "db" {
  name        = "app-db-sg"
  description = "MySQL from anywhere"

  ingress {
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Temporary: open everything while debugging the connection
resource "aws_security_group" "debug" {
  name        = "allow-all-debug"
  description = "Allow all inbound traffic"

  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
